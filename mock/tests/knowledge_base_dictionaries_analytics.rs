//! The mock's knowledge base, dictionaries and analytics, driven through the SDK: state kept across calls.

use futures_util::TryStreamExt;
use hamsa::endpoints::{
    AddTwilioPhoneNumberParams, AnalyticsParams, CreateKnowledgeBaseItemsParams, CreateTwilioCallParams,
    CreateVoiceDictionaryParams, DeleteKnowledgeBaseUrlParams, GetKnowledgeBaseItemParams, ListKnowledgeBaseParams,
    ListVoiceDictionariesParams, NewDictionaryWord, NewKnowledgeBaseItem, SetVoiceDictionaryActiveParams,
    UpdateKnowledgeBaseItemParams, UpdateVoiceDictionaryParams,
};
use hamsa::models::{AnalyticsPeriod, KnowledgeBaseItemType};
use hamsa::{Client, ClientOptions, WaitOptions};
use hamsa_mock::{MockConfig, RunningMock};
use std::time::Duration;

async fn mock() -> (RunningMock, Client) {
    let config = MockConfig { call_duration: Duration::from_millis(300), ..MockConfig::default() };
    let mock = hamsa_mock::start(config).await.unwrap();
    let client = Client::new(ClientOptions::default().with_api_key("mock-key").with_base_url(mock.base_url())).unwrap();
    (mock, client)
}

fn text_item(name: &str) -> NewKnowledgeBaseItem {
    NewKnowledgeBaseItem {
        item_name: name.into(),
        item_type: KnowledgeBaseItemType::Text,
        content: Some(format!("All about {name}")),
        item_url: None,
        item_urls: None,
    }
}

#[tokio::test]
async fn knowledge_base_items_are_kept_listed_renamed_and_lose_urls() {
    let (_mock, client) = mock().await;
    let kb = client.knowledge_base();
    let site = NewKnowledgeBaseItem {
        item_name: "Site".into(),
        item_type: KnowledgeBaseItemType::Url,
        content: None,
        item_url: None,
        item_urls: Some(vec!["https://example.com/a".into(), "https://example.com/b".into()]),
    };
    let created = kb.create(CreateKnowledgeBaseItemsParams { items: vec![text_item("Hours"), site] }).await.unwrap();
    assert_eq!(created.items.len(), 2, "two items sent: the mock answers a list");
    let one = kb.create(CreateKnowledgeBaseItemsParams { items: vec![text_item("Prices")] }).await.unwrap();
    assert_eq!(one.items.len(), 1, "one item sent: the mock answers one item");

    let all: Vec<_> =
        kb.list(ListKnowledgeBaseParams { take: Some(2), ..Default::default() }).items().try_collect().await.unwrap();
    assert_eq!(all.iter().map(|i| i.item_name.as_deref().unwrap()).collect::<Vec<_>>(), ["Hours", "Site", "Prices"]);
    let urls = kb
        .list(ListKnowledgeBaseParams { item_type: vec![KnowledgeBaseItemType::Url], ..Default::default() })
        .await
        .unwrap();
    assert_eq!((urls.total, urls.filtered, urls.items.len()), (Some(3), Some(1), 1));
    let found = kb.list(ListKnowledgeBaseParams { search: Some("pri".into()), ..Default::default() }).await.unwrap();
    assert_eq!(found.items[0].id, one.items[0].id);

    let site_id = created.items[1].id.clone();
    let renamed =
        kb.update(UpdateKnowledgeBaseItemParams { id: site_id.clone(), item_name: "Website".into() }).await.unwrap();
    assert_eq!(renamed.item_name.as_deref(), Some("Website"));
    let ack = kb
        .delete_url(DeleteKnowledgeBaseUrlParams { id: site_id.clone(), url: "https://example.com/a".into() })
        .await
        .unwrap();
    assert_eq!(ack.message_key.as_deref(), Some("URL_DELETED_SUCCESSFULLY"));
    let item = kb.get(GetKnowledgeBaseItemParams { id: site_id.clone() }).await.unwrap();
    assert_eq!(item.item_urls, ["https://example.com/b"]);
    assert_eq!(item.item_name.as_deref(), Some("Website"));
    let again = kb.delete_url(DeleteKnowledgeBaseUrlParams { id: site_id, url: "https://example.com/a".into() }).await;
    assert_eq!(again.unwrap_err().code(), "not_found");
    let missing = kb.get(GetKnowledgeBaseItemParams { id: "nope".into() }).await.unwrap_err();
    assert_eq!(missing.code(), "not_found");
}

#[tokio::test]
async fn dictionaries_are_kept_and_activation_shows_in_the_list() {
    let (_mock, client) = mock().await;
    let dictionaries = client.voice_dictionaries();
    let word = |w: &str| NewDictionaryWord { word: w.into(), pronunciation: format!("{w}-ah") };
    let mut ids = Vec::new();
    for name in ["Brands", "Places", "People"] {
        let created = dictionaries
            .create(CreateVoiceDictionaryParams { name: name.into(), words: vec![word("Hamsa"), word("Riyadh")] })
            .await
            .unwrap();
        assert_eq!(created.words.len(), 2);
        ids.push(created.id);
    }
    let updated = dictionaries
        .update(UpdateVoiceDictionaryParams { id: ids[0].clone(), name: Some("Brand names".into()), words: None })
        .await
        .unwrap();
    assert_eq!((updated.name.as_deref(), updated.words.len()), (Some("Brand names"), 2));

    let ack = dictionaries
        .set_active(SetVoiceDictionaryActiveParams {
            dictionary_id: ids[1].clone(),
            voice_agent_id: "agent-1".into(),
            is_active: true,
        })
        .await
        .unwrap();
    assert_eq!(ack.success, Some(true));
    let page = dictionaries.list(ListVoiceDictionariesParams { take: Some(2), ..Default::default() }).await.unwrap();
    assert_eq!((page.total, page.page, page.page_size, page.dictionaries.len()), (Some(3), Some(1), Some(2), 2));
    let all: Vec<_> = dictionaries
        .list(ListVoiceDictionariesParams { take: Some(2), ..Default::default() })
        .items()
        .try_collect()
        .await
        .unwrap();
    let used: Vec<_> = all.iter().map(|d| (d.name.as_deref().unwrap(), d.is_used.unwrap())).collect();
    assert_eq!(used, [("Brand names", false), ("Places", true), ("People", false)]);
    let of_agent = dictionaries
        .list(ListVoiceDictionariesParams { voice_agent_id: Some("agent-1".into()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(of_agent.dictionaries.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), [ids[1].as_str()]);

    dictionaries
        .set_active(SetVoiceDictionaryActiveParams {
            dictionary_id: ids[1].clone(),
            voice_agent_id: "agent-1".into(),
            is_active: false,
        })
        .await
        .unwrap();
    let used = dictionaries.list(ListVoiceDictionariesParams { used: Some(true), ..Default::default() }).await.unwrap();
    assert_eq!(used.total, Some(0));
    let missing = dictionaries
        .set_active(SetVoiceDictionaryActiveParams {
            dictionary_id: "nope".into(),
            voice_agent_id: "agent-1".into(),
            is_active: true,
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), "not_found");
}

#[tokio::test]
async fn analytics_count_the_calls_the_mock_placed() {
    let (_mock, client) = mock().await;
    client
        .phone_numbers()
        .add_twilio(AddTwilioPhoneNumberParams {
            phone_number: "+9700000000".into(),
            label: "Support".into(),
            twilio_number_sid: "PN1".into(),
            twilio_account_sid: "AC1".into(),
            twilio_auth_token: "token".into(),
        })
        .await
        .unwrap();
    let place = |agent: &str| CreateTwilioCallParams {
        to_number: "+966500000001".into(),
        twilio_phone_number: "+9700000000".into(),
        voice_agent_id: Some(agent.into()),
        ..Default::default()
    };
    let first = client.calls().create_twilio(place("agent-1")).await.unwrap();
    client.calls().create_twilio(place("agent-1")).await.unwrap();
    client.calls().create_twilio(place("agent-2")).await.unwrap();
    let options = WaitOptions { poll_interval: Duration::from_millis(50), ..WaitOptions::default() };
    client.conversations().wait(first.id.clone(), options).await.unwrap();

    let of = |agent: Option<&str>| AnalyticsParams { voice_agent_id: agent.map(str::to_owned), ..Default::default() };
    let overview = client.analytics().overview(of(Some("agent-1"))).await.unwrap();
    assert_eq!(overview.total_sessions_number, Some(2));
    let buckets = overview.calls_by_duration_buckets.unwrap();
    assert_eq!(buckets.short_duration_bucket_calls, Some(2));
    assert_eq!(overview.calls_over_time.iter().filter_map(|b| b.count).sum::<u64>(), 2);
    let everyone = client.analytics().overview(of(None)).await.unwrap();
    assert_eq!(everyone.total_sessions_number, Some(3));

    let past = AnalyticsParams {
        period: Some(AnalyticsPeriod::Custom),
        start_period: Some(0),
        end_period: Some(1_000),
        ..Default::default()
    };
    assert_eq!(client.analytics().overview(past).await.unwrap().total_sessions_number, Some(0));
    let yesterday = AnalyticsParams { period: Some(AnalyticsPeriod::Yesterday), ..Default::default() };
    assert_eq!(client.analytics().overview(yesterday).await.unwrap().total_sessions_number, Some(0));

    let satisfaction = client.analytics().satisfaction(of(Some("agent-1"))).await.unwrap();
    assert!(satisfaction.first_call_resolution_percentage.is_some());
    let performance = client.analytics().performance(of(Some("agent-1"))).await.unwrap();
    assert!(performance.latency.unwrap() > 0.0);
    let nobody = client.analytics().performance(of(Some("agent-9"))).await.unwrap();
    assert_eq!(nobody.latency, Some(0.0));
}
