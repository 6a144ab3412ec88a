package dev.weft.it;

import org.junit.jupiter.api.Test;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SleeperTest {

    @Test
    void awaitInAnUnwovenAsyncMethodThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(Sleeper.nap()));
        assertTrue(e.getMessage().contains("not woven"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.weft.it.Sleeper.nap"), e.getMessage());
    }
}
