package dev.mlledger.bootstrap.model;

/** Something wrong inside a model file, said with its JSON path; the loader adds which file. */
final class ModelFileProblem extends RuntimeException {

    ModelFileProblem(String problem) {
        super(problem);
    }
}
