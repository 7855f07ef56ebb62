package dev.mlledger.domain.experiment;

import java.util.List;
import java.util.random.RandomGenerator;

/** Readable names for runs started without one ({@code brave-otter-417}), as MLflow makes them up. */
public final class RunNames {

    private static final List<String> ADJECTIVES = List.of("agile", "bold", "brave", "bright", "calm", "clever",
            "crisp", "eager", "fancy", "gentle", "glad", "honest", "jolly", "keen", "kind", "lively", "lucky",
            "merry", "nimble", "polite", "proud", "quick", "quiet", "rare", "shy", "silent", "smart", "sunny",
            "swift", "tidy", "vivid", "wise");
    private static final List<String> NOUNS = List.of("ant", "bass", "bat", "bear", "bee", "crab", "crow", "deer",
            "dove", "eel", "elk", "finch", "fox", "frog", "goat", "hare", "hawk", "heron", "ibis", "lark", "lynx",
            "mole", "moth", "newt", "otter", "owl", "panda", "seal", "snail", "swan", "toad", "wolf");

    private RunNames() {
    }

    public static String generate(RandomGenerator random) {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()))
                + "-" + random.nextInt(1000);
    }
}
