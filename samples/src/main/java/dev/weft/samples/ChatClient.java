package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.StreamWriter;
import dev.weft.Task;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static dev.weft.Weft.*;

/**
 * A client of {@link ChatServer}: sends its nickname, then the lines it is given, while a second task prints what the
 * room says. Ends when the server closes the connection (after {@code /quit}, which the end of input also sends).
 *
 * <p>Run: {@code mvn -pl samples -am verify exec:java@run -Dsample=dev.weft.samples.ChatClient
 * -Dexec.args="127.0.0.1 8888 alice"}.
 */
public class ChatClient {

    /** Where the lines to send come from. */
    @FunctionalInterface
    public interface LineSource {
        /** @return a task of the next line, or of null at the end of input */
        Task<String> nextLine();
    }

    /** Chats as {@code nick} on {@code host:port}: lines from {@code input} go out, the room's go to {@code output}. */
    @Async
    public static Task<Void> chat(String host, int port, String nick, LineSource input, Consumer<String> output) {
        Connection c = await(openConnection(host, port));
        c.writer().write(TextLines.encode(nick));
        Task<Void> sending = createTask(sendLines(c.writer(), input));
        try {
            while (true) {
                String line = TextLines.decode(await(c.reader().readLine()));
                if (line == null) {
                    break;
                }
                output.accept(line);
            }
        } finally {
            sending.cancel();
            c.writer().close();
        }
        await(c.writer().waitClosed());
        return done();
    }

    @Async
    static Task<Void> sendLines(StreamWriter writer, LineSource input) {
        try {
            while (true) {
                String line = await(input.nextLine());
                writer.write(TextLines.encode(line == null ? "/quit" : line));
                await(writer.drain());
                if (line == null || line.equals("/quit")) {
                    return done();
                }
            }
        } catch (UncheckedIOException | IllegalStateException closed) {
            return done();   // the server closed the connection: the reading side ends the chat
        }
    }

    public static void main(String[] args) {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8888;
        String nick = args.length > 2 ? args[2] : "guest";
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        run(chat(host, port, nick, () -> toThread(stdin::readLine), System.out::println));
    }
}
