//! A serde serializer that feeds a value straight into a cache key's hasher
//! ([`crate::cache::Key::serialized`]): no JSON text, no escaping, no
//! allocation per value.
//!
//! The encoding is prefix-free, so different values never feed the same
//! bytes: every scalar has a type tag and a fixed size or a length, and
//! every sequence, map, struct and variant has an opening and a closing tag.

use serde::ser::{self, Serialize};
use std::fmt;

/// Bytes gathered before they go to the hasher in one update.
const BLOCK: usize = 4096;

pub(crate) struct Feed<'k> {
    hasher: &'k mut xxhash_rust::xxh3::Xxh3,
    buf: [u8; BLOCK],
    len: usize,
}

impl<'k> Feed<'k> {
    pub(crate) fn new(hasher: &'k mut xxhash_rust::xxh3::Xxh3) -> Self {
        Feed {
            hasher,
            buf: [0; BLOCK],
            len: 0,
        }
    }

    #[inline]
    fn put(&mut self, b: &[u8]) {
        let end = self.len + b.len();
        if end <= BLOCK {
            self.buf[self.len..end].copy_from_slice(b);
            self.len = end;
        } else {
            self.put_full(b);
        }
    }

    /// [`Feed::put`] when `b` does not fit: what is gathered goes to the
    /// hasher first, and `b` too if it is bigger than a block.
    #[cold]
    fn put_full(&mut self, b: &[u8]) {
        self.hasher.update(&self.buf[..self.len]);
        self.len = 0;
        if b.len() > BLOCK {
            self.hasher.update(b);
        } else {
            self.put(b);
        }
    }

    fn tag(&mut self, t: u8) {
        self.put(&[t]);
    }

    /// A tag, a length and the bytes. The length takes one byte when it is
    /// below 255 (most strings and every field name), else the byte 255
    /// and 8 bytes, little-endian: prefix-free either way.
    fn bytes(&mut self, t: u8, b: &[u8]) {
        // (most strings are short: the tag, length and bytes as one copy)
        let end = self.len + 2 + b.len();
        if b.len() < 255 && end <= BLOCK {
            let out = &mut self.buf[self.len..end];
            out[0] = t;
            out[1] = b.len() as u8;
            out[2..].copy_from_slice(b);
            self.len = end;
        } else if b.len() < 255 {
            self.put(&[t, b.len() as u8]);
            self.put(b);
        } else {
            let mut head = [t, 255, 0, 0, 0, 0, 0, 0, 0, 0];
            head[2..].copy_from_slice(&(b.len() as u64).to_le_bytes());
            self.put(&head);
            self.put(b);
        }
    }

    /// Hand what is gathered to the hasher.
    pub(crate) fn finish(mut self) {
        self.hasher.update(&self.buf[..self.len]);
        self.len = 0;
    }
}

/// What a `Serialize` implementation may report; ours never do.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

type Res = Result<(), Error>;

/// Integers: each widened to the widest type of its kind (so a number
/// feeds the same bytes whatever its width), then the kind's tag and the
/// little-endian bytes.
macro_rules! numbers {
    ($($method:ident($t:ty) => $tag:literal as $wide:ty),*) => {$(
        fn $method(self, v: $t) -> Res {
            self.tag($tag);
            self.put(&<$wide>::from(v).to_le_bytes());
            Ok(())
        }
    )*};
}

impl ser::Serializer for &mut Feed<'_> {
    type Ok = ();
    type Error = Error;

    /// Not human-readable: a value may then feed a compact stand-in for
    /// itself, such as a digest made of it before (see
    /// `render::Digested`), where a template sees the value whole.
    fn is_human_readable(&self) -> bool {
        false
    }
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Res {
        self.tag(if v { b't' } else { b'f' });
        Ok(())
    }
    numbers!(
        serialize_i8(i8) => b'i' as i64,
        serialize_i16(i16) => b'i' as i64,
        serialize_i32(i32) => b'i' as i64,
        serialize_i64(i64) => b'i' as i64,
        serialize_i128(i128) => b'I' as i128,
        serialize_u8(u8) => b'u' as u64,
        serialize_u16(u16) => b'u' as u64,
        serialize_u32(u32) => b'u' as u64,
        serialize_u64(u64) => b'u' as u64,
        serialize_u128(u128) => b'U' as u128
    );
    fn serialize_f32(self, v: f32) -> Res {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Res {
        self.tag(b'd');
        self.put(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Res {
        self.tag(b'c');
        self.put(&u32::from(v).to_le_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Res {
        self.bytes(b's', v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Res {
        self.bytes(b'b', v);
        Ok(())
    }
    fn serialize_none(self) -> Res {
        self.tag(b'n');
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Res {
        self.tag(b'+');
        v.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.tag(b'0');
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Res {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Res {
        self.bytes(b'v', variant.as_bytes());
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Res {
        self.bytes(b'V', variant.as_bytes());
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        self.tag(b'[');
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        self.tag(b'(');
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.tag(b'(');
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Error> {
        self.bytes(b'T', variant.as_bytes());
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Error> {
        self.tag(b'{');
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.tag(b'{');
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Error> {
        self.bytes(b'S', variant.as_bytes());
        Ok(self)
    }
}

/// Elements (of sequences, tuples and their variants) one after the other,
/// then a closing tag.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Feed<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
                v.serialize(&mut **self)
            }
            fn end(self) -> Res {
                self.tag(b']');
                Ok(())
            }
        }
    )*};
}
elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Feed<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> Res {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Res {
        v.serialize(&mut **self)
    }
    fn end(self) -> Res {
        self.tag(b'}');
        Ok(())
    }
}

/// Fields by name (a field left out is not fed at all), then a closing tag.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Feed<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, name: &'static str, v: &T) -> Res {
                self.bytes(b'k', name.as_bytes());
                v.serialize(&mut **self)
            }
            fn end(self) -> Res {
                self.tag(b'}');
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whatever the sizes of the pieces and wherever a block fills, the
        /// hasher gets the pieces' bytes in order.
        #[test]
        fn put_feeds_every_byte_in_order(
            pieces in proptest::collection::vec(proptest::collection::vec(proptest::num::u8::ANY, 0..40), 0..400),
            big in proptest::collection::vec(proptest::num::u8::ANY, 0..9000),
        ) {
            let mut fed = xxhash_rust::xxh3::Xxh3::new();
            let mut feed = Feed::new(&mut fed);
            let mut all = Vec::new();
            for (i, p) in pieces.iter().enumerate() {
                feed.put(p);
                all.extend_from_slice(p);
                if i == pieces.len() / 2 {
                    feed.put(&big);
                    all.extend_from_slice(&big);
                }
            }
            feed.finish();
            proptest::prop_assert_eq!(fed.digest128(), xxhash_rust::xxh3::xxh3_128(&all));
        }

        /// A tagged string feeds its tag, its length (a byte below 255, else
        /// 255 and 8 bytes, little-endian) and its bytes, whether or not it
        /// fits in what is left of a block.
        #[test]
        fn bytes_feed_tag_length_and_bytes(
            strings in proptest::collection::vec(proptest::collection::vec(proptest::num::u8::ANY, 0..600), 0..60),
        ) {
            let mut fed = xxhash_rust::xxh3::Xxh3::new();
            let mut feed = Feed::new(&mut fed);
            let mut all = Vec::new();
            for (i, b) in strings.iter().enumerate() {
                let t = b's' + (i % 3) as u8;
                feed.bytes(t, b);
                all.push(t);
                if b.len() < 255 {
                    all.push(b.len() as u8);
                } else {
                    all.push(255);
                    all.extend_from_slice(&(b.len() as u64).to_le_bytes());
                }
                all.extend_from_slice(b);
            }
            feed.finish();
            proptest::prop_assert_eq!(fed.digest128(), xxhash_rust::xxh3::xxh3_128(&all));
        }
    }
}
