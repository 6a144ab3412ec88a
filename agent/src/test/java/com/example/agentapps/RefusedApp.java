package com.example.agentapps;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** A class the weaver refuses: the agent reports it and loads it unwoven, so calling it fails loudly. */
public class RefusedApp {
    static int notAsync(Task<Integer> t) {
        return await(t);
    }

    @Async
    static Task<Integer> fine() {
        await(sleep(1));
        return done(1);
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(fine()));
        } catch (IllegalStateException e) {
            System.out.println("failed loudly: " + e.getMessage());
        }
    }
}
