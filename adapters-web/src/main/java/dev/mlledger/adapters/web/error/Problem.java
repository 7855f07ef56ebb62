package dev.mlledger.adapters.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document: the one body shape of every 4xx/5xx answer.
 *
 * @param errors one entry per offending field; omitted when the problem is not about fields
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {

    public static final String ABOUT_BLANK = "about:blank";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
