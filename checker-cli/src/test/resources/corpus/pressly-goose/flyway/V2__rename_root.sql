UPDATE users SET username='admin' WHERE username='root';

