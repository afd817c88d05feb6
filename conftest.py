pytest_plugins = ["parla.devstack.testing"]
