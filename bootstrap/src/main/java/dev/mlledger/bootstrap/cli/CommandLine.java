package dev.mlledger.bootstrap.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A CLI's arguments, split: {@code -name=value} settings for the application context, and the command's words
 * (its name, its options, their values).
 */
record CommandLine(List<String> properties, List<String> words) {

    static CommandLine of(String... args) {
        List<String> properties = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") && !arg.startsWith("--") && arg.contains("=")) {
                properties.add(arg);
            } else {
                words.add(arg);
            }
        }
        return new CommandLine(properties, words);
    }
}
