// S3 constructs (aws-cdk-lib's aws-s3): Bucket, BucketPolicy.
#pragma once

#include "cdk/s3/bucket.hpp"
#include "cdk/s3/bucket_policy.hpp"
