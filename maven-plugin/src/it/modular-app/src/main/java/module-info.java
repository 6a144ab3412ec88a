module demo.app {
    requires dev.weft.runtime;
    exports demo.app;
}
