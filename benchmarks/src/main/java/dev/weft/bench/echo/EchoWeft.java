package dev.weft.bench.echo;

/** A Weft server: one event loop thread serves every connection. */
public class EchoWeft extends Echo {
    @Override
    EchoServer startServer() throws Exception {
        return new WeftEchoServer();
    }
}
