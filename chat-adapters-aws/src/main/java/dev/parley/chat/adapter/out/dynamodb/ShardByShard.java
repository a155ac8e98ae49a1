package dev.parley.chat.adapter.out.dynamodb;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What a sharded index holds, one shard after the other, each shard read only when the one before is used up.
 * (Stream.flatMap over the shards would read a whole shard at once when the stream is consumed by an iterator.)
 */
final class ShardByShard<T> implements Iterator<T> {

    private final Iterator<String> shards;
    private final Function<String, Iterable<T>> shardContents;
    private Iterator<T> contents = Collections.emptyIterator();

    private ShardByShard(Stream<String> shards, Function<String, Iterable<T>> shardContents) {
        this.shards = shards.iterator();
        this.shardContents = shardContents;
    }

    /** What {@code shardContents} reads from each of {@code shards}, lazily, in order. */
    static <T> Stream<T> stream(Stream<String> shards, Function<String, Iterable<T>> shardContents) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                new ShardByShard<>(shards, shardContents), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!contents.hasNext() && shards.hasNext()) {
            contents = shardContents.apply(shards.next()).iterator();
        }
        return contents.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more in any shard");
        }
        return contents.next();
    }
}
