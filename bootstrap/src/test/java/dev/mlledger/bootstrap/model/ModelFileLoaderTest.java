package dev.mlledger.bootstrap.model;

import dev.mlledger.domain.prediction.model.AttritionModel;
import dev.mlledger.domain.prediction.model.FeatureDefinition;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ModelFileLoaderTest {

    private static final ModelFileLoader LOADER = new ModelFileLoader(JsonMapper.createDefault());

    /** The example of docs/model.md, in single quotes for readability. */
    private static final String EXAMPLE = """
            {'model_version': 'logreg-attrition-1.0.0',
             'description': 'an example',
             'intercept': -1.1,
             'features': [
               {'name': 'age', 'type': 'number', 'required': true, 'coefficient': -0.45, 'mean': 36.9, 'scale': 9.1},
               {'name': 'overtime', 'type': 'boolean', 'required': true, 'coefficient': 1.1},
               {'name': 'department', 'type': 'category', 'required': false,
                'values': ['Sales', 'Research & Development', 'Human Resources'],
                'coefficients': {'Sales': 0.35, 'Human Resources': 0.2}}
             ]}""";

    @TempDir
    Path directory;

    @Test
    void a_model_file_on_the_file_system_gives_its_schema_and_scores_by_its_coefficients() throws IOException {
        AttritionModel model = LOADER.load(write(EXAMPLE));

        assertEquals("logreg-attrition-1.0.0", model.version());
        assertEquals(List.of(FeatureDefinition.ofNumber("age", true), FeatureDefinition.ofBoolean("overtime", true),
                        FeatureDefinition.ofCategory("department", false,
                                List.of("Sales", "Research & Development", "Human Resources"))),
                model.features());
        // sigmoid(-1.1 - 0.45 × (28 - 36.9) / 9.1 + 1.1 + 0.35)
        assertEquals(0.687854925633296, score(model, Map.of("age", 28, "overtime", true, "department", "Sales")),
                1e-15);
    }

    @Test
    void the_bundled_model_scores_a_typical_employee_strictly_between_zero_and_one() {
        AttritionModel model = LOADER.loadResource(ModelFactory.BUNDLED_MODEL);

        double p = score(model, Map.of("age", 37, "monthly_income", 6500, "overtime", false, "job_satisfaction", 3,
                "department", "Research & Development", "marital_status", "Married"));

        assertEquals("logreg-attrition-1.0.0", model.version());
        assertTrue(p > 0.0 && p < 1.0, "scored " + p);
    }

    @Test
    void the_bundled_model_rates_a_high_risk_profile_above_a_low_risk_one() {
        AttritionModel model = LOADER.loadResource(ModelFactory.BUNDLED_MODEL);
        Map<String, Object> highRisk = Map.ofEntries(Map.entry("age", 22), Map.entry("monthly_income", 2100),
                Map.entry("overtime", true), Map.entry("job_satisfaction", 1), Map.entry("environment_satisfaction", 1),
                Map.entry("work_life_balance", 1), Map.entry("years_at_company", 1), Map.entry("total_working_years", 1),
                Map.entry("distance_from_home", 25), Map.entry("num_companies_worked", 6),
                Map.entry("department", "Sales"), Map.entry("marital_status", "Single"));
        Map<String, Object> lowRisk = Map.ofEntries(Map.entry("age", 48), Map.entry("monthly_income", 14000),
                Map.entry("overtime", false), Map.entry("job_satisfaction", 4), Map.entry("environment_satisfaction", 4),
                Map.entry("work_life_balance", 3), Map.entry("years_at_company", 15), Map.entry("total_working_years", 25),
                Map.entry("distance_from_home", 2), Map.entry("num_companies_worked", 1),
                Map.entry("department", "Research & Development"), Map.entry("marital_status", "Married"));

        double high = score(model, highRisk);
        double low = score(model, lowRisk);

        assertTrue(high > 0.6, "high-risk profile scored " + high);
        assertTrue(low < 0.3, "low-risk profile scored " + low);
    }

    @Test
    void the_bundled_model_asks_for_age_income_and_overtime_at_least() {
        List<String> required = LOADER.loadResource(ModelFactory.BUNDLED_MODEL).features().stream()
                .filter(FeatureDefinition::required).map(FeatureDefinition::name).toList();

        assertTrue(required.containsAll(List.of("age", "monthly_income", "overtime")), "required: " + required);
    }

    @Test
    void a_missing_file_is_reported_as_such() {
        Path missing = directory.resolve("nowhere.json");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LOADER.load(missing));

        assertEquals("Model file " + missing + ": no such file", failure.getMessage());
    }

    @Test
    void a_directory_instead_of_a_file_cannot_be_read() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LOADER.load(directory));

        assertTrue(failure.getMessage().startsWith("Model file " + directory + ": cannot be read: "),
                failure.getMessage());
    }

    @Test
    void a_missing_class_path_resource_is_reported_as_such() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> LOADER.loadResource("model/nothing-here.json"));

        assertEquals("Model file classpath:model/nothing-here.json: no such resource on the class path",
                failure.getMessage());
    }

    @Test
    void a_file_that_is_not_json_is_reported_with_the_position_of_the_error() throws IOException {
        Path file = write("{'model_version': 'v1',\n 'intercept': -1.1,,}");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LOADER.load(file));

        assertTrue(failure.getMessage().startsWith("Model file " + file + ": is not valid JSON: "),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("(line 2, column 20)"), failure.getMessage());
    }

    @Test
    void an_empty_file_is_not_json() throws IOException {
        Path file = write("");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LOADER.load(file));

        assertTrue(failure.getMessage().startsWith("Model file " + file + ": is not valid JSON"), failure.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenFiles")
    void a_broken_model_file_is_reported_with_the_path_of_the_problem(String json, String problem) throws IOException {
        Path file = write(json);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LOADER.load(file));

        assertEquals("Model file " + file + ": " + problem, failure.getMessage());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                arguments("[]", "the top level must be a JSON object"),
                arguments(example("'model_version': 'logreg-attrition-1.0.0',", ""), "model_version is required"),
                arguments(example("'logreg-attrition-1.0.0'", "1"), "model_version must be a string"),
                arguments(example("'logreg-attrition-1.0.0'", "' '"), "model version must not be blank"),
                arguments(example("'logreg-attrition-1.0.0'", "'" + "v".repeat(51) + "'"),
                        "model version must be at most 50 characters, got 51"),
                arguments(example("'an example'", "42"), "description must be a string"),
                arguments(example("'intercept'", "'intercpt'"),
                        "intercpt is not a known key; a model file has model_version, description, intercept, features"),
                arguments(example("'intercept': -1.1", "'intercept': '-1.1'"), "intercept must be a number"),
                arguments(example("'intercept': -1.1", "'intercept': 1e400"),
                        "intercept must be a finite number, got Infinity"),
                arguments("{'model_version': 'v1', 'intercept': 0, 'features': {}}", "features must be an array"),
                arguments("{'model_version': 'v1', 'intercept': 0, 'features': []}", "a model needs at least one feature"),
                arguments("{'model_version': 'v1', 'intercept': 0, 'features': [42]}", "features[0] must be an object"),
                arguments(example("'name': 'overtime', ", ""), "features[1].name is required"),
                arguments(example("'name': 'overtime'", "'name': ''"), "features[1].name must not be blank"),
                arguments(example("'type': 'boolean'", "'type': 'flag'"),
                        "features[1].type must be one of number, boolean, category, got \"flag\""),
                arguments(example("'required': true, 'coefficient': 1.1", "'coefficient': 1.1"),
                        "features[1].required is required"),
                arguments(example("'required': true, 'coefficient': 1.1", "'required': 'yes', 'coefficient': 1.1"),
                        "features[1].required must be true or false"),
                arguments(example("'coefficient': 1.1", "'cofficient': 1.1"), "features[1].cofficient is not a known "
                        + "key; a boolean feature has name, type, required, coefficient"),
                arguments(example("'coefficient': 1.1", "'coefficient': 1.1, 'mean': 0.3"), "features[1].mean is not "
                        + "a known key; a boolean feature has name, type, required, coefficient"),
                arguments(example(", 'coefficient': 1.1", ""), "features[1].coefficient is required"),
                arguments(example("'coefficient': 1.1", "'coefficient': true"), "features[1].coefficient must be a number"),
                arguments(example("-0.45", "-1e999"), "features[0].coefficient must be a finite number, got -Infinity"),
                arguments(example("'scale': 9.1", "'scale': -9.1"),
                        "features[0].scale must be a positive finite number, got -9.1"),
                arguments(example("'scale': 9.1", "'scale': 0"),
                        "features[0].scale must be a positive finite number, got 0.0"),
                arguments(example("'mean': 36.9", "'mean': '36.9'"), "features[0].mean must be a number"),
                arguments(example(", 'scale': 9.1", ""),
                        "features[0].scale is required when mean is given (standardisation needs both)"),
                arguments(example("'mean': 36.9, ", ""),
                        "features[0].mean is required when scale is given (standardisation needs both)"),
                arguments(example("'values': ['Sales', 'Research & Development', 'Human Resources'],", ""),
                        "features[2].values is required"),
                arguments(example("['Sales', 'Research & Development', 'Human Resources']", "[]")
                                .replace("'Sales': 0.35, 'Human Resources': 0.2", ""),
                        "features[2].values must not be empty for a category feature"),
                arguments(example("'Research & Development'", "7"), "features[2].values[1] must be a string"),
                arguments(example("'Human Resources']", "'Sales']"), "features[2].values must not repeat \"Sales\""),
                arguments(example("'Human Resources': 0.2", "'Marketing': 0.2"), "features[2].coefficients.Marketing "
                        + "is not one of the feature's values (Sales, Research & Development, Human Resources)"),
                arguments(example("{'Sales': 0.35, 'Human Resources': 0.2}", "[0.35, 0.2]"),
                        "features[2].coefficients must be an object"),
                arguments(example("'Sales': 0.35", "'Sales': 'high'"), "features[2].coefficients.Sales must be a number"),
                arguments(example(",\n    'coefficients': {'Sales': 0.35, 'Human Resources': 0.2}", ""),
                        "features[2].coefficients is required"),
                arguments(example("'name': 'overtime'", "'name': 'age'"),
                        "feature names must be unique: age appears more than once"));
    }

    /** The example with one piece of it replaced; the piece must be there, or the case would test nothing. */
    private static String example(String piece, String replacement) {
        if (!EXAMPLE.contains(piece)) {
            throw new IllegalArgumentException("the example has no " + piece);
        }
        return EXAMPLE.replace(piece, replacement);
    }

    private Path write(String singleQuotedJson) throws IOException {
        Path file = Files.createTempFile(directory, "model", ".json");
        Files.writeString(file, singleQuotedJson.replace('\'', '"'));
        return file;
    }

    private static double score(AttritionModel model, Map<String, Object> features) {
        return model.score(model.validate(features)).value();
    }
}
