package com.example.agentapps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An application without @Async: the agent must leave every class alone. */
public class PlainApp {
    public static void main(String[] args) throws Exception {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add(CompletableFuture.supplyAsync(() -> 21).get() * 2);
        }
        System.out.println("plain " + values.get(9));
    }
}
