package dev.mlledger.adapters.web.model;

import dev.mlledger.adapters.web.security.Roles;
import io.micronaut.security.annotation.Secured;
import dev.mlledger.adapters.web.binding.Spellings;
import dev.mlledger.adapters.web.error.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.mlledger.application.model.DescribeModel;
import dev.mlledger.application.model.ModelDescription;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/v1/model}: the model's version, feature schema and risk thresholds. */
@Tag(name = "model")

@ApiResponse(responseCode = "401", description = "No valid credentials (WWW-Authenticate: Bearer)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/model")
@Secured(Roles.READER)
public class ModelController {

    private final DescribeModel describeModel;

    public ModelController(DescribeModel describeModel) {
        this.describeModel = describeModel;
    }

    @Operation(summary = "The model version, its feature schema and the risk thresholds")
    @Get
    public ModelView model() {
        ModelDescription description = describeModel.describe();
        return new ModelView(description.modelVersion(),
                description.features().stream()
                        .map(f -> new ModelView.FeatureView(f.name(), Spellings.of(f.type()), f.required(), f.values()))
                        .toList(),
                new ModelView.ThresholdsView(description.thresholds().medium(), description.thresholds().high()));
    }
}
