//! Mail leaves through the outbox once, however many app servers share the database.

use app::backend::mail::{Transport, deliver_pending, enqueue, password_reset};
use app::model::Lang;

use crate::both;

both!(
    two_app_servers_on_one_database_send_each_message_once,
    |app| {
        for n in 0..30 {
            let mail = password_reset(
                &format!("reader{n}@example.cn"),
                Lang::Zh,
                "https://x.test/r",
            );
            enqueue(&app.pool, &mail).await.expect("queued");
        }
        // Two more senders beside the server's own, each writing to its own mail log.
        let dirs = [app.data_dir.join("server-a"), app.data_dir.join("server-b")];
        let mut senders = Vec::new();
        for dir in &dirs {
            std::fs::create_dir_all(dir).expect("dir");
            let transport = Transport::new(None, dir).expect("transport");
            let pool = app.pool.clone();
            senders.push(tokio::spawn(async move {
                deliver_pending(&pool, &transport).await.expect("delivered")
            }));
        }
        for sender in senders {
            sender.await.expect("joined");
        }
        // Whatever the server's own sender took in the meantime is in its log.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let logs = [
            app.data_dir.join("mail.log"),
            dirs[0].join("mail.log"),
            dirs[1].join("mail.log"),
        ];
        let text: String = logs
            .iter()
            .map(|path| std::fs::read_to_string(path).unwrap_or_default())
            .collect();
        for n in 0..30 {
            let to = format!("To: reader{n}@example.cn\n");
            assert_eq!(text.matches(&to).count(), 1, "{to}");
        }
    }
);
