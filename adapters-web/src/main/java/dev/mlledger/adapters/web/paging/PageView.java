package dev.mlledger.adapters.web.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** {@code {"items": [...], "next_cursor": "…" | null}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageView<T>(List<T> items, String nextCursor) {
}
