package dev.mlledger.domain.json;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonDocumentTest {

    @Test
    void a_document_keeps_its_text() {
        assertEquals("{\"age\":41}", new JsonDocument("{\"age\":41}").text());
        assertEquals("{}", JsonDocument.EMPTY_OBJECT.text());
    }

    @Test
    void a_document_holding_a_nul_character_raw_or_escaped_cannot_be_stored() {
        for (String text : List.of("\"\u0000\"", "{\"a\":\"x\u0000\"}", "\"\\u0000\"", "{\"a\":\"\\u0000b\"}")) {
            assertThrows(IllegalArgumentException.class, () -> new JsonDocument(text), text);
        }
    }

    @Test
    void other_escaped_control_characters_are_fine() {
        assertEquals("\"\\u0001\"", new JsonDocument("\"\\u0001\"").text());
    }

    @Test
    void a_document_needs_text() {
        assertThrows(NullPointerException.class, () -> new JsonDocument(null));
    }
}
