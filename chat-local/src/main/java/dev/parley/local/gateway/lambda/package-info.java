/**
 * Lambda's side of the local gateway: {@link dev.parley.local.gateway.lambda.LambdaRuntime} invokes handlers as Lambda
 * does, one instance per function, concurrently up to Lambda's default quota, each call with its own context and a
 * console logger that marks its lines as CloudWatch does.
 */
package dev.parley.local.gateway.lambda;
