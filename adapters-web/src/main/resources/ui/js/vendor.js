// uPlot comes from the org.webjars.npm:uplot jar (version in the root pom), served by the service at /ui/vendor/uplot/.
export {default as uPlot} from '../vendor/uplot/1.6.30/dist/uPlot.esm.js';
