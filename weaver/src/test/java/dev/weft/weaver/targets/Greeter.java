package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** An interface with a default @Async method and a static @Async method. */
public interface Greeter {
    String prefix();

    @Async
    default Task<String> greet(String name) {
        String p = prefix();
        String upper = await(Awaitables.slow(name.toUpperCase()));
        String shouted = await(shout(upper));
        return done(p + " " + shouted + " " + prefix().length() + " " + this.getClass().getSimpleName());
    }

    @Async
    static Task<String> shout(String s) {
        await(sleep(1));
        return done(s + "!");
    }
}
