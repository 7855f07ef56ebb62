package dev.mlledger.domain.prediction;

import dev.mlledger.domain.validation.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RiskLevelTest {

    @Test
    void each_level_is_parsed_from_its_exact_name() {
        for (RiskLevel level : RiskLevel.values()) {
            assertEquals(level, RiskLevel.parse(level.name()));
        }
    }

    @Test
    void any_other_spelling_is_invalid_input() {
        for (String text : List.of("high", "High", " HIGH", "HIGHEST", "")) {
            assertThrows(InvalidInput.class, () -> RiskLevel.parse(text), () -> "'" + text + "'");
        }
        assertThrows(InvalidInput.class, () -> RiskLevel.parse(null));
    }
}
