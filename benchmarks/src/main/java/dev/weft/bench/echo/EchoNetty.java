package dev.weft.bench.echo;

/** A Netty server: one NIO event loop thread serves every connection. */
public class EchoNetty extends Echo {
    @Override
    EchoServer startServer() throws Exception {
        return new NettyEchoServer();
    }
}
