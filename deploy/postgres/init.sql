-- Runs once, when the PostgreSQL data directory is first initialised.
-- Each service owns its own database; every service runs its own migrations.
CREATE DATABASE scenario OWNER parla;
CREATE DATABASE content OWNER parla;
CREATE DATABASE persona OWNER parla;
CREATE DATABASE organization OWNER parla;
CREATE DATABASE analytics OWNER parla;
CREATE DATABASE gateway OWNER parla;
