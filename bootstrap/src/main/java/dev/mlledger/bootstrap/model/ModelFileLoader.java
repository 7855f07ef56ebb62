package dev.mlledger.bootstrap.model;

import dev.mlledger.domain.prediction.model.BooleanTerm;
import dev.mlledger.domain.prediction.model.CategoryTerm;
import dev.mlledger.domain.prediction.model.FeatureDefinition;
import dev.mlledger.domain.prediction.model.FeatureTerm;
import dev.mlledger.domain.prediction.model.FeatureType;
import dev.mlledger.domain.prediction.model.LogisticRegressionModel;
import dev.mlledger.domain.prediction.model.NumberTerm;
import dev.mlledger.domain.prediction.model.Standardisation;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a model file (see docs/model.md) and builds the logistic-regression model it describes. Every problem is an
 * {@link IllegalStateException} whose message starts with {@code Model file <location>: } and names the JSON path.
 * The exceptions carry no cause: the start-up report shows the root cause's message, which must be this one.
 */
public final class ModelFileLoader {

    private static final List<String> TOP_LEVEL_KEYS = List.of("model_version", "description", "intercept", "features");
    private static final Map<FeatureType, List<String>> FEATURE_KEYS = Map.of(
            FeatureType.NUMBER, List.of("name", "type", "required", "coefficient", "mean", "scale"),
            FeatureType.BOOLEAN, List.of("name", "type", "required", "coefficient"),
            FeatureType.CATEGORY, List.of("name", "type", "required", "values", "coefficients"));
    private static final Pattern JSON_ERROR_POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");

    private final JsonMapper jsonMapper;

    public ModelFileLoader(JsonMapper jsonMapper) {
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
    }

    /** The model in a file; messages name the file as given. */
    public LogisticRegressionModel load(Path file) {
        String location = file.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw failure(location, "no such file");
        } catch (AccessDeniedException e) {
            throw failure(location, "cannot be read: permission denied");
        } catch (IOException e) {
            throw failure(location, "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
        return parse(content, location);
    }

    /** The model in a class-path resource ({@code model/attrition-model.json}); messages name it "classpath:…". */
    public LogisticRegressionModel loadResource(String resource) {
        String location = "classpath:" + resource;
        try (InputStream in = ModelFileLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw failure(location, "no such resource on the class path");
            }
            return parse(in.readAllBytes(), location);
        } catch (IOException e) {
            throw failure(location, "cannot be read: " + e.getMessage());
        }
    }

    private LogisticRegressionModel parse(byte[] content, String location) {
        JsonNode root;
        try {
            root = jsonMapper.readValue(content, JsonNode.class);
        } catch (IOException e) {
            throw failure(location, "is not valid JSON: " + describe(e));
        }
        try {
            return model(ModelFileObject.of(root, ""));
        } catch (ModelFileProblem problem) {
            throw failure(location, problem.getMessage());
        } catch (IllegalArgumentException invalid) {
            // what the model as a whole refuses (version, intercept, duplicate names) names itself
            throw failure(location, invalid.getMessage());
        }
    }

    private static LogisticRegressionModel model(ModelFileObject file) {
        file.allowOnly(TOP_LEVEL_KEYS, "a model file");
        String version = file.requiredString("model_version");
        file.optionalString("description");
        double intercept = file.requiredNumber("intercept");
        List<FeatureTerm> terms = new ArrayList<>();
        for (ModelFileObject.Element element : file.requiredArray("features")) {
            terms.add(term(ModelFileObject.of(element.node(), element.path())));
        }
        return new LogisticRegressionModel(version, intercept, terms);
    }

    private static FeatureTerm term(ModelFileObject feature) {
        try {
            String name = feature.requiredString("name");
            FeatureType type = featureType(feature.requiredString("type"));
            feature.allowOnly(FEATURE_KEYS.get(type), "a " + spelling(type) + " feature");
            boolean required = feature.requiredBoolean("required");
            return switch (type) {
                case NUMBER -> numberTerm(feature, FeatureDefinition.ofNumber(name, required));
                case BOOLEAN -> new BooleanTerm(FeatureDefinition.ofBoolean(name, required),
                        feature.requiredNumber("coefficient"));
                case CATEGORY -> new CategoryTerm(
                        FeatureDefinition.ofCategory(name, required, feature.requiredStrings("values")),
                        feature.requiredNumbers("coefficients"));
            };
        } catch (IllegalArgumentException invalid) {
            // the domain's messages start with the component at fault ("scale must be…")
            throw new ModelFileProblem(feature.path() + "." + invalid.getMessage());
        }
    }

    private static NumberTerm numberTerm(ModelFileObject feature, FeatureDefinition definition) {
        double coefficient = feature.requiredNumber("coefficient");
        OptionalDouble mean = feature.optionalNumber("mean");
        OptionalDouble scale = feature.optionalNumber("scale");
        if (mean.isPresent() != scale.isPresent()) {
            String missing = mean.isPresent() ? "scale" : "mean";
            String given = mean.isPresent() ? "mean" : "scale";
            throw new ModelFileProblem(feature.path() + "." + missing + " is required when " + given
                    + " is given (standardisation needs both)");
        }
        Optional<Standardisation> standardisation = mean.isPresent()
                ? Optional.of(new Standardisation(mean.getAsDouble(), scale.getAsDouble()))
                : Optional.empty();
        return new NumberTerm(definition, coefficient, standardisation);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        Matcher position = JSON_ERROR_POSITION.matcher(message);
        return position.find() ? firstLine + " (line " + position.group(1) + ", column " + position.group(2) + ")"
                : firstLine;
    }

    private static IllegalStateException failure(String location, String problem) {
        return new IllegalStateException("Model file " + location + ": " + problem);
    }

    /** A feature type as the model file spells it: "number", "boolean" or "category", exactly. */
    static FeatureType featureType(String text) {
        for (FeatureType type : FeatureType.values()) {
            if (spelling(type).equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be one of " + Arrays.stream(FeatureType.values())
                .map(ModelFileLoader::spelling).collect(Collectors.joining(", "))
                + ", got " + (text == null ? "nothing" : "\"" + text + "\""));
    }

    static String spelling(FeatureType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
