UPDATE users SET username='root' WHERE username='admin';
