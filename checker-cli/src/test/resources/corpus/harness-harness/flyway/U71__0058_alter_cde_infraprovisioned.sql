ALTER TABLE infra_provisioned DROP COLUMN iprov_proxy_host;
ALTER TABLE infra_provisioned DROP COLUMN iprov_proxy_port;
