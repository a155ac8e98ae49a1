/**
 * Amazon SQS for the local gateway: an embedded ElasticMQ, queues made as a deployment defines them, and the Lambda
 * event source that polls a queue and invokes a function with batches, as Lambda's SQS event source mapping does.
 * Chat-agnostic, like the rest of the gateway.
 */
package dev.parley.local.gateway.sqs;
