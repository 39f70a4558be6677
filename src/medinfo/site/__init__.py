"""The built site: the engine-neutral build, its security policy, edit links and publishing."""
