// Tests for strings: UTF-8 character counts, hashing, ropes (including a million-deep
// rope flattened without recursion), equality across rope shapes, and interning.
#include "src/objects/string.h"

#include <string>
#include <vector>

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class StringTest : public HeapTest {
 protected:
  Handle<String> Concat(Handle<String> a, Handle<String> b) {
    return Check(factory()->NewConsString(a, b));
  }
};

TEST_F(StringTest, Utf8LengthAndCharacterCount) {
  HandleScope scope(isolate());
  Handle<String> ascii = Str("hello");
  EXPECT_EQ(ascii->length(), 5u);
  EXPECT_EQ(ascii->char_count(), 5u);
  EXPECT_TRUE(ascii->IsAscii());
  Handle<String> accented = Str("h\xC3\xA9llo \xF0\x9F\x98\x80");  // "héllo 😀"
  EXPECT_EQ(accented->length(), 11u);
  EXPECT_EQ(accented->char_count(), 7u);
  EXPECT_FALSE(accented->IsAscii());
  EXPECT_EQ(Str("")->length(), 0u);
  EXPECT_EQ(*Str(""), *factory()->empty_string());
}

TEST_F(StringTest, HashIsCachedAndContentBased) {
  HandleScope scope(isolate());
  Handle<String> a = Str("the same contents");
  Handle<String> b = Str("the same contents");
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(a->HasHash());
  EXPECT_EQ(a->EnsureHash(), b->EnsureHash());
  EXPECT_NE(a->EnsureHash(), Str("other contents")->EnsureHash());
  EXPECT_TRUE(String::Equals(*a, *b));
  EXPECT_EQ(a->EnsureHash(), StringHasher::Hash("the same contents"));
}

TEST_F(StringTest, ShortConcatenationIsFlatLongIsARope) {
  HandleScope scope(isolate());
  Handle<String> short_result = Concat(Str("ab"), Str("cd"));
  EXPECT_TRUE((*short_result).IsSeqString());
  EXPECT_EQ(short_result->ToStdString(), "abcd");
  Handle<String> long_result = Concat(Str("a fairly long left part "), Str("and a right part"));
  EXPECT_TRUE((*long_result).IsConsString());
  EXPECT_EQ(long_result->length(), 40u);
  EXPECT_EQ(long_result->ToStdString(), "a fairly long left part and a right part");
  EXPECT_EQ(*Concat(factory()->empty_string(), long_result), *long_result);
}

int CountConsNodes(String string) {
  int count = 0;
  std::vector<String> pending = {string};
  while (!pending.empty()) {
    String s = pending.back();
    pending.pop_back();
    if (!s.IsConsString()) continue;
    ++count;
    pending.push_back(ConsString::cast(s).first());
    pending.push_back(ConsString::cast(s).second());
  }
  return count;
}

TEST_F(StringTest, SmallAppendsToARopeJoinItsLastChunk) {
  HandleScope scope(isolate());
  std::string expected(30, 'a');
  Handle<String> rope = Str(expected);
  Handle<String> earlier;
  for (int i = 0; i < 1000; ++i) {
    // Pieces of 1 to 5 bytes, some of them multi-byte characters.
    std::string piece = i % 7 == 0 ? "\xC3\xA9" : std::to_string(i) + ",";
    rope = Concat(rope, Str(piece));
    expected += piece;
    if (i == 500) earlier = rope;
  }
  EXPECT_EQ(rope->ToStdString(), expected);
  EXPECT_EQ(rope->length(), expected.size());
  EXPECT_EQ(rope->char_count(),
            Utf8CharCount(reinterpret_cast<const uint8_t*>(expected.data()), expected.size()));
  EXPECT_EQ(rope->EnsureHash(), StringHasher::Hash(expected));
  // One node per chunk of up to kMaxAppendChunk bytes, not one per append.
  EXPECT_LT(CountConsNodes(*rope), static_cast<int>(2 * expected.size() / 40));
  // Appending never changes the strings appended to.
  EXPECT_TRUE(earlier->EqualsUtf8(expected.substr(0, earlier->length())));
  heap()->Verify();
}

TEST_F(StringTest, AppendsThatDoNotFitTheLastChunkMakeANewNode) {
  HandleScope scope(isolate());
  std::string left(40, 'l'), tail(60, 't'), big(80, 'b');
  Handle<String> rope = Concat(Str(left), Str("x"));  // last chunk "x"
  Handle<String> joined = Concat(rope, Str(tail));    // "x" + 60 bytes: 61, joined
  EXPECT_EQ(CountConsNodes(*joined), 1);
  Handle<String> separate = Concat(joined, Str("yyyy"));  // 61 + 4 > 64: new node
  EXPECT_EQ(CountConsNodes(*separate), 2);
  Handle<String> long_piece = Concat(rope, Str(big));  // a long piece is never copied
  EXPECT_EQ(CountConsNodes(*long_piece), 2);
  EXPECT_EQ(separate->ToStdString(), left + "x" + tail + "yyyy");
  EXPECT_EQ(long_piece->ToStdString(), left + "x" + big);
  // A rope whose last part is itself a rope is not merged into.
  Handle<String> nested = Concat(Str(left), Concat(Str(tail), Str(big)));
  Handle<String> after_nested = Concat(nested, Str("z"));
  EXPECT_EQ(after_nested->ToStdString(), left + tail + big + "z");
  heap()->Verify();
}

TEST_F(StringTest, RopesAndFlatStringsCompareAndHashAlike) {
  HandleScope scope(isolate());
  std::string x(20, 'x'), y(20, 'y'), z(20, 'z');
  Handle<String> left_deep = Concat(Concat(Str(x), Str(y)), Str(z));
  Handle<String> right_deep = Concat(Str(x), Concat(Str(y), Str(z)));
  Handle<String> flat = Str(x + y + z);
  EXPECT_TRUE(String::Equals(*left_deep, *right_deep));
  EXPECT_TRUE(String::Equals(*left_deep, *flat));
  EXPECT_EQ(left_deep->EnsureHash(), flat->EnsureHash());
  EXPECT_EQ(right_deep->EnsureHash(), flat->EnsureHash());
  EXPECT_FALSE(String::Equals(*left_deep, *Str(x + y + x)));
  EXPECT_TRUE(left_deep->EqualsUtf8(x + y + z));
}

TEST_F(StringTest, FlattenReplacesTheRopeInPlace) {
  HandleScope scope(isolate());
  std::string a(30, 'a'), b(30, 'b');
  Handle<String> rope = Concat(Str(a), Str(b));
  EXPECT_FALSE(rope->IsFlat());
  Handle<String> flat = Check(String::Flatten(isolate(), rope));
  EXPECT_TRUE((*flat).IsSeqString());
  EXPECT_TRUE(rope->IsFlat());
  EXPECT_EQ(ConsString::cast(*rope).first(), *flat);
  EXPECT_EQ(rope->FlatContent(), a + b);
  EXPECT_EQ(*Check(String::Flatten(isolate(), rope)), *flat);  // second time: no work
  Scavenge();
  CompactingGc();
  EXPECT_EQ(rope->ToStdString(), a + b);
  heap()->Verify();
}

// s = s + x in a loop builds a left-deep rope one node per iteration.
TEST_F(StringTest, MillionDeepLeftRopeFlattensWithoutRecursion) {
  HandleScope scope(isolate());
  constexpr int kDepth = 1000000;
  Handle<String> piece = Str("ab");
  Handle<String> s = handle(*factory()->empty_string(), isolate());  // a slot of our own
  for (int i = 0; i < kDepth; ++i) {
    HandleScope inner(isolate());
    Handle<String> next = Concat(s, piece);
    *s.location() = (*next).ptr();  // keep `s` in the outer scope
  }
  EXPECT_EQ(s->length(), 2u * kDepth);
  EXPECT_EQ(s->char_count(), 2u * kDepth);
  FullGc();  // marking a million-deep rope must not recurse either
  uint32_t hash = s->EnsureHash();
  Handle<String> flat = Check(String::Flatten(isolate(), s));
  EXPECT_EQ(flat->length(), 2u * kDepth);
  std::string_view content = flat->FlatContent();
  EXPECT_EQ(content.substr(0, 6), "ababab");
  EXPECT_EQ(content.substr(content.size() - 4), "abab");
  EXPECT_EQ(flat->EnsureHash(), hash);
}

TEST_F(StringTest, MillionDeepRightRopeFlattensWithoutRecursion) {
  HandleScope scope(isolate());
  constexpr int kDepth = 1000000;
  Handle<String> piece = Str("cd");
  Handle<String> s = Str(std::string(30, 'e'));
  for (int i = 0; i < kDepth; ++i) {
    HandleScope inner(isolate());
    Handle<String> next = Concat(piece, s);
    *s.location() = (*next).ptr();
  }
  EXPECT_EQ(s->length(), 2u * kDepth + 30);
  std::string expected = s->ToStdString();
  Handle<String> flat = Check(String::Flatten(isolate(), s));
  EXPECT_EQ(flat->FlatContent(), expected);
  EXPECT_EQ(expected.substr(0, 4), "cdcd");
  EXPECT_EQ(expected.substr(expected.size() - 30), std::string(30, 'e'));
}

TEST_F(StringTest, InterningGivesOneObjectPerContents) {
  HandleScope scope(isolate());
  Handle<String> a = Name("field");
  Handle<String> b = Name("field");
  EXPECT_EQ(*a, *b);
  EXPECT_TRUE(a->IsInternalized());
  EXPECT_FALSE(Heap::InYoungGeneration(*a));
  Handle<String> rope = Concat(Str("a rather long name that "), Str("is built as a rope"));
  Handle<String> interned = Check(factory()->InternalizeString(rope));
  EXPECT_TRUE(interned->IsInternalized());
  EXPECT_EQ(*interned, *Name("a rather long name that is built as a rope"));
  EXPECT_EQ(*Name("nil"), *factory()->nil_string());  // root strings are interned too
  EXPECT_EQ(*Name(""), *factory()->empty_string());
  CompactingGc();
  EXPECT_EQ(*Name("field"), *a);
}

}  // namespace
}  // namespace ruchy::internal
