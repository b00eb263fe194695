DROP TABLE infra_provider_configs;
DROP TABLE infra_provider_templates;
DROP TABLE infra_provider_resources;
DROP TABLE gitspace_configs;
DROP TABLE gitspaces;
DROP TABLE infra_provisioned;
DROP TABLE gitspace_events;