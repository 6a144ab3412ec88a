package com.example.agentapps;

import dev.weft.agent.WeftAgent;

/**
 * Installs the agent from code. {@link EarlyCoroutines} is loaded before the install, so it cannot be woven and must be
 * reported; {@link HelloApp} is loaded after and must work.
 */
public class InstallApp {
    public static void main(String[] args) {
        EarlyCoroutines.touch();
        WeftAgent.install();
        WeftAgent.install();   // harmless
        System.out.println("installed " + WeftAgent.isInstalled());
        HelloApp.main(args);
        try {
            EarlyCoroutines.call();
        } catch (IllegalStateException e) {
            System.out.println("early class failed loudly: " + e.getMessage().contains("not woven"));
        }
    }
}
