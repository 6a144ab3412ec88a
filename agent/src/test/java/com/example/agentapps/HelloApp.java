package com.example.agentapps;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** An application with coroutines, run unwoven under the agent. */
public class HelloApp {
    @Async
    static Task<Integer> add(int x, int y) {
        await(sleep(5));
        return done(x + y);
    }

    @Async
    static Task<String> getResults() {
        int a = await(add(3, 4));
        int b = await(add(5, 5));
        return done(a + " " + b);
    }

    public static void main(String[] args) {
        System.out.println(run(getResults()));
    }
}
