ALTER TABLE upstream_proxy_configs
     ADD COLUMN upstream_proxy_config_firewall_mode TEXT DEFAULT 'ALLOW';
