package dev.weft.bench.echo;

/** A virtual thread per connection, on the default scheduler (a carrier per core). */
public class EchoVirtualThread extends Echo {
    private static final SharedServer SHARED = new SharedServer();

    @Override
    EchoServer startServer() throws Exception {
        return new VirtualThreadEchoServer();
    }

    @Override
    SharedServer shared() {
        return SHARED;
    }
}
