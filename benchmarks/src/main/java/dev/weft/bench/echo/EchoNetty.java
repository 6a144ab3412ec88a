package dev.weft.bench.echo;

/** A Netty server: one NIO event loop thread serves every connection. */
public class EchoNetty extends Echo {
    private static final SharedServer SHARED = new SharedServer();

    @Override
    EchoServer startServer() throws Exception {
        return new NettyEchoServer();
    }

    @Override
    SharedServer shared() {
        return SHARED;
    }
}
