package dev.weft.bench.echo;

/** A virtual thread per connection, on the default scheduler (a carrier per core). */
public class EchoVirtualThread extends Echo {
    @Override
    EchoServer startServer() throws Exception {
        return new VirtualThreadEchoServer();
    }
}
