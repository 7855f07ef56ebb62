package dev.mlledger.domain.requestlog;

import dev.mlledger.domain.json.JsonDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestLogEntryTextTest {

    private static RequestLogEntry withUserAgent(String userAgent) {
        return new RequestLogEntry(UUID.randomUUID(), Instant.EPOCH, "/api/v1/model", "GET", JsonDocument.EMPTY_OBJECT,
                null, userAgent, 200, 1);
    }

    @Test
    void an_over_long_text_is_never_cut_through_a_surrogate_pair() {
        String agent = "a".repeat(RequestLogEntry.USER_AGENT_MAX - 1) + "\uD83D\uDE00" + "tail";

        String kept = withUserAgent(agent).userAgent();

        assertEquals("a".repeat(RequestLogEntry.USER_AGENT_MAX - 1), kept);
    }

    @Test
    void an_over_long_text_is_cut_to_the_column_size_when_no_pair_is_in_the_way() {
        String kept = withUserAgent("b".repeat(RequestLogEntry.USER_AGENT_MAX + 5)).userAgent();

        assertEquals(RequestLogEntry.USER_AGENT_MAX, kept.length());
    }
}
