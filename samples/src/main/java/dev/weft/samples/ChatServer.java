package dev.weft.samples;

import dev.weft.Async;
import dev.weft.LimitOverrunException;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.weft.Weft.*;

/**
 * A chat room over TCP, one of the tutorial's use cases for asyncio: the first line a client sends is its nickname;
 * every later line goes to everyone else as {@code nick: text}; joins and leaves are announced; {@code /quit} leaves.
 * Every member is one task on one loop, and the room is a plain map, since tasks of one loop never race.
 *
 * <p>Lines the server sends: to a newcomer {@code * welcome NICK, here: A, B} (or {@code nobody else is here}), to
 * the others {@code * NICK joined}; {@code NICK: text}; {@code * bye NICK} to one who quits and {@code * NICK left} to
 * the others; {@code * nickname NICK is taken} to a newcomer whose nickname is in use, before closing.
 *
 * <p>Run: {@code mvn -pl samples -am verify exec:java@run -Dsample=dev.weft.samples.ChatServer -Dexec.args=8888},
 * then {@link ChatClient} in other terminals.
 */
public class ChatServer {
    /** A member that lets this much pile up unsent (it reads too slowly) is disconnected. */
    static final int MAX_BACKLOG = 1024 * 1024;

    private final Map<String, StreamWriter> members = new LinkedHashMap<>();

    /** Starts a chat room listening on {@code host:port} (0: a free port). */
    public static Task<Server> start(String host, int port) {
        ChatServer room = new ChatServer();
        return startServer(room::member, host, port);
    }

    /** One member's connection, from its nickname to its leaving. */
    @Async
    Task<Void> member(StreamReader reader, StreamWriter writer) {
        String nick = null;
        try {
            nick = TextLines.decode(await(reader.readLine()));
            if (nick == null || nick.isBlank()) {
                return done();
            }
            if (members.containsKey(nick)) {
                writer.write(TextLines.encode("* nickname " + nick + " is taken"));
                return done();   // not a member: the finally block only closes
            }
            writer.write(TextLines.encode("* welcome " + nick + ", " + (members.isEmpty() ? "nobody else is here"
                    : "here: " + String.join(", ", members.keySet()))));
            broadcast(nick, "* " + nick + " joined");
            members.put(nick, writer);
            while (true) {
                String text = TextLines.decode(await(reader.readLine()));
                if (text == null) {
                    break;
                }
                if (text.equals("/quit")) {
                    writer.write(TextLines.encode("* bye " + nick));
                    break;
                }
                broadcast(nick, nick + ": " + text);
            }
        } catch (UncheckedIOException | LimitOverrunException lostOrTooLong) {
            // the connection failed, or the member sent a line longer than the reader's limit: it leaves
        } finally {
            if (nick != null && members.get(nick) == writer) {
                members.remove(nick);
                broadcast(nick, "* " + nick + " left");
            }
            writer.close();
        }
        return done();
    }

    /** Sends {@code line} to every member but {@code from}; write never waits, so one slow member delays no one. */
    private void broadcast(String from, String line) {
        byte[] bytes = TextLines.encode(line);
        for (Map.Entry<String, StreamWriter> m : members.entrySet()) {
            StreamWriter to = m.getValue();
            if (m.getKey().equals(from) || to.isClosing()) {
                continue;
            }
            if (to.writeBufferSize() > MAX_BACKLOG) {
                to.close();   // its task sees the end of its stream and leaves
            } else {
                to.write(bytes);
            }
        }
    }

    @Async
    static Task<Void> main(int port) {
        Server server = await(start("127.0.0.1", port));
        System.out.println("chat room on 127.0.0.1:" + server.port());
        await(server.serveForever());
        return done();
    }

    public static void main(String[] args) {
        run(main(args.length > 0 ? Integer.parseInt(args[0]) : 8888));
    }
}
