package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** The example of docs/networking.md: a line echo server and one client on one loop; prints {@code hello}. */
public class StreamsEcho {

    @Async
    static Task<Void> handle(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] line = await(reader.readLine());
            if (line.length == 0) {            // the client closed its side
                break;
            }
            writer.write(line);
            await(writer.drain());             // waits only if the client reads too slowly
        }
        writer.close();
        return done();
    }

    @Async
    static Task<Void> main() {
        Server server = await(startServer(StreamsEcho::handle, "127.0.0.1", 0));   // port 0: a free port
        Connection c = await(openConnection("127.0.0.1", server.port()));
        c.writer().write("hello\n".getBytes());
        System.out.print(new String(await(c.reader().readLine())));        // hello
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());            // closed, and every connection it accepted closed
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
