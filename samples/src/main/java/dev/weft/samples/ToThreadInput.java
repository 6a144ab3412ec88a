package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static dev.weft.Weft.*;

/**
 * The second tutorial's second example: while the two coroutines of {@link TwoCoroutines} tick, a blocking read of
 * standard input runs on another thread; the program prints the input and ends (the ticking tasks are cancelled).
 */
public class ToThreadInput {

    /** Python's {@code input(prompt)}: prints the prompt, reads one line; empty at end of input. */
    static String input(String prompt) throws Exception {
        System.out.print(prompt);
        System.out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    @Async
    static Task<Void> main() {
        Task<Void> task1 = createTask(TwoCoroutines.coro1());
        Task<Void> task2 = createTask(TwoCoroutines.coro2());
        Task<String> task3 = createTask(toThread(() -> input("Type something: ")));
        await(task3);
        String result = task3.result();
        System.out.println("Your input is:  " + result);
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
