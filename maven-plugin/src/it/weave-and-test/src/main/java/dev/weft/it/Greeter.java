package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class Greeter {
    @Async
    public static Task<String> greet(String name) {
        await(sleep(20));
        String mark = await(punctuation(name.length()));
        return done("Hello, " + name + mark);
    }

    @Async
    static Task<String> punctuation(int count) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < count; i++) {
            await(sleep(0));
            marks.append('!');
        }
        return done(marks.toString());
    }
}
