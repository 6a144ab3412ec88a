package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PipelineTest {

    @Async
    static Task<Integer> sumOfSquares(int n) {
        int sum = 0;
        for (int square : await(Pipeline.squares(n))) {
            sum += square;
        }
        return done(Pipeline.Plain.identity(sum));
    }

    @Test
    void coroutinesRunToTheRightResults() {
        assertEquals(List.of(1, 4, 9, 16, 25), run(Pipeline.squares(5)));
        assertEquals(55, run(sumOfSquares(5)));
    }
}
