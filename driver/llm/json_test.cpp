#include "llm/json.hpp"

#include "util/json_write.hpp"

#include <doctest/doctest.h>

using namespace eok::llm;

TEST_SUITE("llm::json")
{
  TEST_CASE("every byte util::json_quote writes reads back as the same text")
  {
    std::string all;
    for (int c = 1; c < 0x80; ++c) {
      all += static_cast<char>(c);
    }
    all += "\xc3\xa9";
    auto fields = parse_flat_object("{\"s\": " + eok::util::json_quote(all) + "}");
    REQUIRE(fields);
    CHECK(flat_text(*fields, "s") == all);
  }

  TEST_CASE("a chat reply: content, model, finish reason and usage")
  {
    auto r = parse_chat_reply(R"({"id":"x","model":"m1","choices":[{"index":0,"message":{"role":"assistant","content":"hi \"there\"\n"},
      "finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}})");
    REQUIRE(r.ok());
    CHECK(r->content == "hi \"there\"\n");
    CHECK(r->model == "m1");
    CHECK(r->finish_reason == "stop");
    CHECK(r->usage.reported);
    CHECK(r->usage.total() == 17);
    auto no_usage = parse_chat_reply(R"({"choices":[{"message":{"content":"x"}}]})");
    REQUIRE(no_usage.ok());
    CHECK_FALSE(no_usage->usage.reported);
  }

  TEST_CASE("malformed chat replies fail with a reason")
  {
    CHECK(parse_chat_reply(R"({"choices":[{"message":{"content":"x"})").error().rfind("not valid JSON", 0) == 0);
    CHECK(parse_chat_reply(R"({"choices":[]})").error() == "reply has an empty `choices` array");
    CHECK(parse_chat_reply(R"({"object":"x"})").error() == "reply has no `choices` array");
    CHECK(parse_chat_reply(R"([1])").error() == "reply has no `choices` array");
    CHECK(parse_chat_reply(R"({"choices":[{"message":{"content":null}}]})").error() == "first choice has no text `message.content`");
    CHECK(parse_chat_reply("").error().rfind("not valid JSON", 0) == 0);
  }

  TEST_CASE("embeddings are returned in input order")
  {
    auto r = parse_embedding_reply(R"({"data":[{"index":1,"embedding":[3,4]},{"index":0,"embedding":[1.5,-2]}],"model":"e",
      "usage":{"prompt_tokens":7,"total_tokens":7}})");
    REQUIRE(r.ok());
    REQUIRE(r->vectors.size() == 2);
    CHECK(r->vectors[0] == std::vector<float>{1.5F, -2.0F});
    CHECK(r->vectors[1] == std::vector<float>{3.0F, 4.0F});
    CHECK(r->usage.prompt_tokens == 7);
    CHECK(parse_embedding_reply(R"({"data":[{"embedding":["a"]}]})").error() == "an embedding holds a non-number");
  }

  TEST_CASE("error bodies are summarised")
  {
    CHECK(error_summary(R"({"error":{"message":"Rate limit","type":"x"}})") == "Rate limit");
    CHECK(error_summary(R"({"error":"bad model"})") == "bad model");
    CHECK(error_summary("<html>\nBad Gateway</html>") == "<html> Bad Gateway</html>");
  }

  TEST_CASE("transcript lines round-trip, and a bad line names file and line")
  {
    TranscriptEntry a;
    a.hash = "abc";
    a.op = "E1";
    a.content = "{d}\n```c\nint f(void) { return \"\\n\"[0]; }\n```";
    a.model = "m";
    a.usage.prompt_tokens = 3;
    a.usage.completion_tokens = 4;
    a.system = "sys";
    a.user = "usr\n";
    TranscriptEntry b;
    b.hash = "def";
    b.ok = false;
    b.error = "HTTP 500 after 5 attempts";
    auto back = parse_transcript(transcript_line(a) + "\n\n" + transcript_line(b) + "\n", "t.jsonl");
    REQUIRE(back.size() == 2);
    CHECK(back[0].hash == "abc");
    CHECK(back[0].content == a.content);
    CHECK(back[0].usage.total() == 7);
    CHECK(back[0].user == "usr\n");
    CHECK_FALSE(back[1].ok);
    CHECK(back[1].error == b.error);
    CHECK_THROWS_WITH(parse_transcript(transcript_line(a) + "\n{\"hash\":\n", "t.jsonl"),
                      doctest::Contains("t.jsonl:2: transcript line is not valid JSON"));
    CHECK_THROWS_WITH(parse_transcript("{\"ok\":true}\n", "t.jsonl"), "t.jsonl:1: transcript line has no \"hash\"");
  }
}
