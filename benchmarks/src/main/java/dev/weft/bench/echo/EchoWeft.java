package dev.weft.bench.echo;

/** A Weft server: one event loop thread serves every connection. */
public class EchoWeft extends Echo {
    private static final SharedServer SHARED = new SharedServer();

    @Override
    EchoServer startServer() throws Exception {
        return new WeftEchoServer();
    }

    @Override
    SharedServer shared() {
        return SHARED;
    }
}
