/**
 * Tests of the twamp-server model: yangtools and yanglint both accept it, its nodes carry the ranges and
 * defaults the issue fixes, and the examples under docs/examples are judged as intended.
 */
package net.twampagent.yang;
