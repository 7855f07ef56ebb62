package dev.mlledger.adapters.web.binding;

import dev.mlledger.domain.experiment.ExperimentStatus;
import dev.mlledger.domain.experiment.RunStatus;
import dev.mlledger.domain.prediction.RiskLevel;
import dev.mlledger.domain.validation.InvalidInput;
import dev.mlledger.domain.validation.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpellingsTest {

    @Test
    void statusesAreReadExactlyInLowerCaseAndRiskLevelsInCapitals() {
        assertEquals(ExperimentStatus.COMPLETED, Spellings.experimentStatus("completed"));
        assertEquals(RunStatus.FAILED, Spellings.runStatus("failed"));
        assertEquals(RiskLevel.HIGH, Spellings.riskLevel("HIGH"));
        assertThrows(InvalidInput.class, () -> Spellings.experimentStatus("COMPLETED"));
        assertThrows(InvalidInput.class, () -> Spellings.riskLevel("high"));
    }

    @Test
    void anUnknownSpellingNamesEveryAllowedOneAndLeavesTheFieldToTheCaller() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> Spellings.runStatus("paused"));

        assertEquals(List.of(new Violation("", "must be one of running, completed, failed, killed")), invalid.violations());
    }

    @Test
    void whatIsWrittenIsWhatIsRead() {
        for (ExperimentStatus status : ExperimentStatus.values()) {
            assertEquals(status, Spellings.experimentStatus(Spellings.of(status)));
        }
        for (RiskLevel level : RiskLevel.values()) {
            assertEquals(level, Spellings.riskLevel(Spellings.of(level)));
        }
    }
}
