package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.Weft;

import static dev.weft.Weft.*;

/**
 * The program {@code DebuggerTest} runs woven under a debugger. {@code work} is an instance method that truly suspends
 * (a sleep) with a live local, a dead local and a field of {@code this}; {@link #breakHere} marks the line the test
 * stops at, after the await.
 */
public class Debuggee {
    private final String name;

    Debuggee(String name) {
        this.name = name;
    }

    @Async
    Task<Integer> work(int n) {
        String label = name + ":" + n;
        int dead = n * 7;
        System.out.println("before " + dead);
        await(sleep(20));
        breakHere();
        return done(label.length() + n);
    }

    /** A call the test finds in the class file to learn the line to break at. */
    static void breakHere() {
    }

    public static void main(String[] args) {
        System.out.println("result " + Weft.run(new Debuggee("job").work(5)));
    }
}
