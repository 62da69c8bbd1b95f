// Tests for strings: UTF-8 character counts, hashing, ropes (including a million-deep
// rope flattened without recursion), equality across rope shapes, and interning.
#include "src/objects/string.h"

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
  EXPECT_FALSE(a->HasHash());  // young strings are hashed on first use
  EXPECT_EQ(a->EnsureHash(), b->EnsureHash());
  EXPECT_TRUE(a->HasHash());
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

TEST_F(StringTest, SmallAppendsToARopeShareFlatPieces) {
  HandleScope scope(isolate());
  Handle<String> rope = Concat(Str("a fairly long left part "), Str("x"));
  ASSERT_TRUE((*rope).IsConsString());
  Handle<String> before = rope;
  std::string expected = "a fairly long left part x";
  for (int i = 0; i < 1000; ++i) {
    std::string piece = i % 3 == 0 ? "\xC3\xA9" : std::to_string(i % 10);  // é or a digit
    rope = Concat(rope, Str(piece));
    expected += piece;
  }
  EXPECT_EQ(rope->ToStdString(), expected);
  EXPECT_EQ(rope->length(), expected.size());
  EXPECT_EQ(rope->char_count(), Str(expected)->char_count());
  EXPECT_EQ(before->ToStdString(), "a fairly long left part x");  // untouched
  // A rope node per append would be 1000 deep; pieces of up to kMaxAppendChunk bytes
  // make it a few dozen.
  int nodes = 0;
  for (String s = *rope; s.IsConsString(); s = ConsString::cast(s).first()) {
    String piece = ConsString::cast(s).second();
    EXPECT_TRUE(piece.IsSeqString());
    EXPECT_LE(piece.length(), ConsString::kMaxAppendChunk);
    ++nodes;
  }
  EXPECT_LT(nodes, 1000 / 20);
  EXPECT_EQ(rope->EnsureHash(), StringHasher::Hash(expected));
  // A long append is a node of its own; the next small one starts a fresh piece.
  std::string big(ConsString::kMaxAppendChunk + 5, 'b');
  Handle<String> with_big = Concat(rope, Str(big));
  EXPECT_EQ(ConsString::cast(*with_big).second().length(), big.size());
  Handle<String> after_big = Concat(with_big, Str("tail"));
  EXPECT_EQ(after_big->ToStdString(), expected + big + "tail");
  EXPECT_EQ(with_big->ToStdString(), expected + big);
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
