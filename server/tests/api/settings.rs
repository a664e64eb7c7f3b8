//! `/settings`: ADMIN writes system settings (audited), SUPERVISOR reads them, AGENT may not; the
//! keys JoxAI reads are checked and take effect at once; everyone has their own user settings;
//! public ones need no sign-in.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::spawn_app;

#[tokio::test]
async fn admins_write_system_settings_supervisors_read_agents_cannot() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let body = json!({
        "key": "max_tickets_per_agent", "value": 10, "category": "limits", "description": "Maximum tickets per agent",
        "is_public": false,
    });

    assert_eq!(app.send(Method::POST, &lead, "/settings/system", Some(body.clone())).await.status(), 403);
    let res = app.send(Method::POST, &admin, "/settings/system", Some(body.clone())).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!((created["key"].as_str(), created["value"].as_i64()), (Some("max_tickets_per_agent"), Some(10)));
    assert_eq!((created["setting_type"].as_str(), created["category"].as_str()), (Some("SYSTEM"), Some("limits")));
    assert_eq!(created.as_object().unwrap().len(), 7, "id, key, value, setting_type, category, is_public, created_at");
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(body)).await.status(), 409);
    for (bad, field) in [
        (json!({ "key": "Bad Key", "value": 1 }), "key"),
        (json!({ "key": "ok", "value": null }), "value"),
        (json!({ "key": "assistant.confidence_threshold", "value": 2 }), "value"),
        (json!({ "key": "routing.agent_capacity", "value": "ten" }), "value"),
        (
            json!({
                "key": "chat.business_hours",
                "value": { "utc_offset_minutes": 0, "days": [{ "day": "xyz", "open": "09:00", "close": "18:00" }] },
            }),
            "value",
        ),
        (json!({ "key": "ok", "value": 1, "category": "no spaces" }), "category"),
    ] {
        let res = app.send(Method::POST, &admin, "/settings/system", Some(bad.clone())).await;
        assert_eq!(res.status(), 422, "{bad}");
        assert_eq!(res.json::<Value>().await.unwrap()["field"], field, "{bad}");
    }

    assert_eq!(app.send(Method::GET, &agent, "/settings/system", None).await.status(), 403, "AGENT gets 403");
    let list: Vec<Value> = app.send(Method::GET, &lead, "/settings/system", None).await.json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0]["user_id"].clone(), list[0]["description"].clone()),
        (Value::Null, json!("Maximum tickets per agent"))
    );
    let none: Vec<Value> =
        app.send(Method::GET, &lead, "/settings/system?category=general", None).await.json().await.unwrap();
    assert!(none.is_empty());
    let one = app.get_json(&lead, "/settings/system/max_tickets_per_agent").await;
    assert_eq!(one, json!({ "key": "max_tickets_per_agent", "value": 10 }));
    assert_eq!(app.send(Method::GET, &lead, "/settings/system/nope", None).await.status(), 404);

    let change = json!({ "value": 15, "description": "Updated maximum tickets per agent" });
    assert_eq!(
        app.send(Method::PUT, &lead, "/settings/system/max_tickets_per_agent", Some(change.clone())).await.status(),
        403
    );
    let res = app.send(Method::PUT, &admin, "/settings/system/max_tickets_per_agent", Some(change)).await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!((updated["value"].as_i64(), updated.as_object().unwrap().len()), (Some(15), 4));
    assert_eq!(app.send(Method::PUT, &admin, "/settings/system/nope", Some(json!({ "value": 1 }))).await.status(), 404);

    assert_eq!(app.send(Method::DELETE, &lead, "/settings/system/max_tickets_per_agent", None).await.status(), 403);
    let res = app.send(Method::DELETE, &admin, "/settings/system/max_tickets_per_agent", None).await;
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({ "message": "Setting deleted successfully", "key": "max_tickets_per_agent" })
    );
    assert_eq!(app.send(Method::DELETE, &admin, "/settings/system/max_tickets_per_agent", None).await.status(), 404);

    let actions: Vec<String> = app.audit().await.into_iter().map(|r| r.action).collect();
    for action in ["setting.create", "setting.update", "setting.delete"] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }
}

#[tokio::test]
async fn the_settings_joxai_reads_take_effect_at_once() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let set = |key: &str, value: Value| {
        app.send(Method::POST, &admin, "/settings/system", Some(json!({ "key": key, "value": value })))
    };
    assert_eq!(set("chat.greeting_es", json!("¡Hola! Soy el asistente del Banco Sol.")).await.status(), 201);
    assert_eq!(set("routing.agent_capacity", json!(7)).await.status(), 201);
    assert_eq!(set("assistant.confidence_threshold", json!(0.9)).await.status(), 201);

    let chat: Value = app.start_chat("es").await;
    assert_eq!(chat["messages"][0]["content"], "¡Hola! Soy el asistente del Banco Sol.");
    app.token_for("agent", Role::Agent).await;
    let agents: Vec<Value> = app.send(Method::GET, &admin, "/agents", None).await.json().await.unwrap();
    assert!(agents.iter().all(|a| a["capacity"] == 7), "{agents:?}");
    assert!((app.state.assistant.settings().policy.threshold - 0.9).abs() < 1e-6);

    // Business hours for inboxes without their own: never open.
    let inbox: Value = app
        .post_json(&admin, "/inboxes", &json!({ "name": "Web", "allowed_origins": ["https://banco.example"] }))
        .await;
    let config = |key: String| app.client.get(app.api(&format!("/widget/config?inbox={key}"))).send();
    let key = inbox["key"].as_str().unwrap().to_owned();
    assert_eq!(config(key.clone()).await.unwrap().json::<Value>().await.unwrap()["open_now"], true);
    assert_eq!(set("chat.business_hours", json!({ "utc_offset_minutes": 0, "days": [] })).await.status(), 201);
    assert_eq!(config(key.clone()).await.unwrap().json::<Value>().await.unwrap()["open_now"], false);

    // Deleting a setting goes back to the configuration.
    app.send(Method::DELETE, &admin, "/settings/system/chat.greeting_es", None).await;
    let chat: Value = app.start_chat("es").await;
    assert_ne!(chat["messages"][0]["content"], "¡Hola! Soy el asistente del Banco Sol.");
    app.send(Method::DELETE, &admin, "/settings/system/chat.business_hours", None).await;
    assert_eq!(config(key).await.unwrap().json::<Value>().await.unwrap()["open_now"], true);
}

#[tokio::test]
async fn each_staff_member_has_their_own_settings_and_public_ones_need_no_sign_in() {
    let app = spawn_app().await;
    let (admin_user, admin) = app.token_for("admin", Role::Admin).await;
    let (agent_user, agent) = app.token_for("agent", Role::Agent).await;
    let res = app
        .send(
            Method::POST,
            &agent,
            "/settings/user/me/theme",
            Some(json!({ "value": "dark", "category": "appearance" })),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mine: Value = res.json().await.unwrap();
    assert_eq!(mine["user_id"], agent_user.id);
    assert_eq!(mine["setting_type"], "USER");
    let again = app.send(Method::POST, &agent, "/settings/user/me/theme", Some(json!({ "value": "light" }))).await;
    assert_eq!(again.json::<Value>().await.unwrap()["id"], mine["id"], "the same setting, replaced");
    assert_eq!(
        app.send(Method::POST, &agent, "/settings/user/me/theme", Some(json!({ "value": null }))).await.status(),
        422
    );
    assert_eq!(
        app.send(Method::POST, &agent, "/settings/user/me/Bad%20Key", Some(json!({ "value": 1 }))).await.status(),
        422
    );
    app.send(Method::POST, &admin, "/settings/user/me/theme", Some(json!({ "value": "blue" }))).await;

    let list: Vec<Value> = app.send(Method::GET, &agent, "/settings/user/me", None).await.json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0]["value"].as_str(), list[0]["category"].as_str()), (Some("light"), Some("general")));
    let theirs: Vec<Value> = app.send(Method::GET, &admin, "/settings/user/me", None).await.json().await.unwrap();
    assert_eq!((theirs.len(), theirs[0]["user_id"].as_i64()), (1, Some(i64::from(admin_user.id))));
    assert!(
        app.send(Method::GET, &admin, "/settings/system", None).await.json::<Vec<Value>>().await.unwrap().is_empty(),
        "user settings are not system settings"
    );

    for (key, value) in [("app_name", json!("Banco Sol")), ("routing.agent_capacity", json!(4))] {
        app.send(Method::POST, &admin, "/settings/system", Some(json!({ "key": key, "value": value }))).await;
    }
    let public: Vec<Value> = app.client.get(app.api("/settings/public")).send().await.unwrap().json().await.unwrap();
    assert_eq!(public.len(), 1, "app_name is public by default, the capacity is not");
    assert_eq!(
        (public[0]["key"].as_str(), public[0]["value"].as_str(), public[0]["is_public"].as_bool()),
        (Some("app_name"), Some("Banco Sol"), Some(true))
    );
    assert_eq!(app.client.get(app.api("/settings/user/me")).send().await.unwrap().status(), 401);
}

#[tokio::test]
async fn the_banks_own_phrases_hand_over_and_its_own_words_say_what_the_assistant_does_not_know() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let set = |key: &str, value: Value| json!({ "key": key, "value": value });
    for bad in [
        set("assistant.escalation_phrases", json!("cancelar mi cuenta")),
        set("assistant.escalation_phrases", json!(["x"])),
        set("assistant.unsure_es", json!("")),
    ] {
        assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(bad.clone())).await.status(), 422, "{bad}");
    }
    let says = async |message: &str| -> Value {
        let chat = app.start_chat("es").await;
        let (id, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
        app.customer_says(id, visitor, message).await.json().await.unwrap()
    };
    let phrase = "Quiero CANCELAR mí cuenta de nómina";
    let gibberish = "xylofonía quántica de los pingüinos morados";
    let before = (says(phrase).await, says(gibberish).await);
    assert_eq!(before.0["metadata"]["escalated"], false, "not a phrase of the bank's yet: {}", before.0);
    assert_eq!(before.1["metadata"]["intent"], "unknown", "{}", before.1);

    let phrases = set("assistant.escalation_phrases", json!(["cancelar mi cuenta", "hablar con el gerente"]));
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(phrases)).await.status(), 201);
    let unsure = "Eso no lo sé todavía. Escribe «asesor» y te atiende una persona.";
    let text = set("assistant.unsure_es", json!(unsure));
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(text)).await.status(), 201);
    let handed = says(phrase).await;
    assert_eq!(handed["metadata"]["escalated"], true, "{handed}");
    assert!(handed["ticket_id"].is_string(), "{handed}");
    assert_eq!(says("cancelar mis cuentas").await["metadata"]["escalated"], false, "whole words only");
    assert_eq!(says(gibberish).await["message"], unsure);
}
