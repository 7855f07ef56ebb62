package dev.mlledger.adapters.web.mlflow;

import dev.mlledger.domain.validation.InvalidInput;

import java.util.function.Supplier;

/** MLflow's {@code page_token}, which carries mlledger's keyset cursors. */
final class MlflowPaging {

    private MlflowPaging() {
    }

    /** The position a token stands for; a token this search did not give is an invalid {@code page_token}. */
    static <T> T position(Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (InvalidInput invalid) {
            throw new InvalidInput("page_token", "is not a page token of this search; repeat the search unchanged "
                    + "with the token it gave");
        }
    }
}
